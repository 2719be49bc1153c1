"""gunicorn settings for `make serve`: `gunicorn -c config/gunicorn.py config.wsgi`.

Sources reach this site, so no log line carries a client's address or a
time finer than the day: the access log (off unless GUNICORN_ACCESS_LOG
names a file or "-") records the request line, status, size and duration
only, and the error log drops the address gunicorn puts in its
"Invalid request from ip=..." lines.
"""

import multiprocessing
import os
import re

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: two per core plus one, the usual rule for a CPU-bound app
# whose database and cache answer in milliseconds.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, staggered, so slow leaks cannot grow.
max_requests = 2000
max_requests_jitter = 200
# Only the proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# No runtime control socket: one fixed path would be shared by every site on the machine.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

CLIENT_ADDRESS = re.compile(r"\bip=.*?: ")


class PrivateLogger(Logger):
    """gunicorn's logger without client addresses, dated to the day."""

    datefmt = "[%Y-%m-%d]"

    def scrub(self, msg):
        return CLIENT_ADDRESS.sub("ip=-: ", msg) if isinstance(msg, str) else msg

    def critical(self, msg, *args, **kwargs):
        super().critical(self.scrub(msg), *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        super().error(self.scrub(msg), *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(self.scrub(msg), *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        super().info(self.scrub(msg), *args, **kwargs)

    def debug(self, msg, *args, **kwargs):
        super().debug(self.scrub(msg), *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        super().exception(self.scrub(msg), *args, **kwargs)


logger_class = PrivateLogger
