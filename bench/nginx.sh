# SPDX-License-Identifier: MIT
# Sourced by bench/run.sh and bench/soak.sh: nginx serving a 100-byte file on a free 127.0.0.1 port.
# Needs $here (the source tree), $work (a scratch folder) and the array pids; sets $port.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_nginx() {
    port="$(free_port)"
    mkdir -p "$work/www"
    head -c 100 /dev/zero | tr '\0' 'x' > "$work/www/index.html"
    chmod 755 "$work" "$work/www" && chmod 644 "$work/www/index.html" # nginx's workers run as www-data
    sed -e "s|@PORT@|$port|g" -e "s|@DIR@|$work|g" "$here/bench/nginx.conf" > "$work/nginx.conf"
    /usr/sbin/nginx -c "$work/nginx.conf" -e "$work/error.log" &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
}
