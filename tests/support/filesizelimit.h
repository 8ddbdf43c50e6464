// SPDX-License-Identifier: MIT

#pragma once

#include <QtGlobal>

#include <csignal>
#include <sys/resource.h>

namespace Stressdeck::Testing {

//! While alive, no file of this process may grow past `bytes` (RLIMIT_FSIZE): a write beyond
//! fails with EFBIG, as on a full disk. Unlike permissions this binds root too, so tests of a
//! failed write also fail to write when CI runs them as root. Keep its scope to the one write
//! under test: the limit covers every file, a redirected test log among them.
class FileSizeLimit {
public:
    explicit FileSizeLimit(qint64 bytes)
    {
        if (::getrlimit(RLIMIT_FSIZE, &m_old) != 0)
            qFatal("cannot read the file size limit");
        rlimit limit = m_old;
        limit.rlim_cur = rlim_t(bytes);
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            qFatal("cannot limit the file size");
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // or the first write too many ends the test
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_old {};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace Stressdeck::Testing
