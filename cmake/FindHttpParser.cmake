# SPDX-License-Identifier: MIT
# Finds Debian's http-parser (package libhttp-parser-dev), the HTTP/1.1 response parser of the
# fast transport, and provides the imported target HttpParser::HttpParser.
find_path(HttpParser_INCLUDE_DIR NAMES http_parser.h)
find_library(HttpParser_LIBRARY NAMES http_parser)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(HttpParser
    REQUIRED_VARS HttpParser_LIBRARY HttpParser_INCLUDE_DIR
    REASON_FAILURE_MESSAGE "http_parser.h and libhttp_parser come from the Debian package libhttp-parser-dev: apt-get install libhttp-parser-dev (packaging/setup.sh installs it)")
if(HttpParser_FOUND AND NOT TARGET HttpParser::HttpParser)
    add_library(HttpParser::HttpParser UNKNOWN IMPORTED)
    set_target_properties(HttpParser::HttpParser PROPERTIES
        IMPORTED_LOCATION "${HttpParser_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${HttpParser_INCLUDE_DIR}")
endif()
mark_as_advanced(HttpParser_INCLUDE_DIR HttpParser_LIBRARY)
