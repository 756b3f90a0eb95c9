"""Web-server configuration for a static export: the service's content negotiation without Python.

``write_configs`` writes, into the export:

- ``server/nginx.conf``: ``map`` blocks and a ``server`` block to include inside ``http { }``: an
  IRI answers the file for the representation Accept asks for (``P.ttl``, ``P.jsonld``, ``P.nt``,
  ``P.rdf``, or the page ``P.LANG.html`` in the language asked for), with ``Vary: Accept,
  Accept-Language, Cookie``; ``P.ttl`` and the other explicit names answer as files; ``/dumps/``
  answers gzip copies to clients that accept gzip; ``/.well-known/void`` redirects to
  ``/dataset``; a missing path gets ``404.LANG.html``;
- ``.htaccess``: the same for Apache httpd (mod_rewrite, mod_headers; ``AllowOverride All``),
  but for the gzip answers;
- ``server/w3id.htaccess``: the redirect of ``https://w3id.org/acuerdos/`` to the server that
  publishes the data (a pull request to the w3id.org repository, as ``acuerdos/.htaccess``).

Where the service weighs the q-values of Accept, these servers take the first type of their list
that Accept names (HTML, then Turtle, JSON-LD, N-Triples, RDF/XML): the same answer for every
client that names one type, and for browsers. The language of a page is the one ``?lang=`` names
(which also sets the ``lang`` cookie, as the service does), else the cookie's, else the first of
ours that Accept-Language names (the service weighs its q-values: the same answer where the header
lists languages by preference, as browsers do), else the export's default.
"""

from __future__ import annotations

from pathlib import Path

from ..queries import LANGS
from .i18n import lang_cookie
from .rdf_out import PAGE_OFFERS, extension_of

# (extension, the media types that ask for it), in the order the servers try them: the service's offers
_NEGOTIATED: list[tuple[str, tuple[str, ...]]] = [(extension_of(key), tuple(media)) for key, media in PAGE_OFFERS]
_TYPES = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "rdf": "application/rdf+xml",
    "xml": "application/xml",
    "txt": "text/plain",
    "css": "text/css",
    "svg": "image/svg+xml",
    "json": "application/json",
    "js": "text/javascript",
    "gz": "application/gzip",
}
# the dumps' formats, whose gzip copies a server sends to a client that accepts gzip
_DUMPS = ("ttl", "nt", "jsonld", "trig", "nq")
# the types that say their charset (UTF-8)
_TEXT = "text/html text/plain text/css text/javascript text/turtle application/n-triples application/n-quads"
_TEXT += " application/trig"


def _regex(media: str) -> str:
    return media.replace("+", r"\+").replace(".", r"\.")


def _first_named(lang: str) -> str:
    """A regular expression (PCRE) for an Accept-Language header whose first language of ours is ``lang``."""
    ours = "|".join(LANGS)
    return rf"^(?:(?!\s*(?:{ours})\b)[^,]*,)*\s*{lang}\b"


def nginx_conf(root: Path, lang: str) -> str:
    """The nginx configuration serving the export in ``root`` at the root of a host, pages in ``lang``
    for clients that name no language of ours."""
    patterns = "".join(f'    "~*{_regex(m)}" {ext};\n' for ext, media in _NEGOTIATED for m in media if m != "*/*")
    types = "".join(f"        {media} {ext};\n" for ext, media in _TYPES.items())
    asked = "".join(f"    ~*^{code}$ {code};\n" for code in LANGS)
    kept = "".join(f"    {code} {code};\n" for code in LANGS)
    header = "".join(f'    "~*{_first_named(code)}" {code};\n' for code in LANGS)
    return f"""# acuerdos: a static export (`acuerdos export`) with the service's content negotiation.
# Include inside http {{ }} (say as /etc/nginx/conf.d/acuerdos.conf); set `listen` and `server_name`.
map $http_accept $acuerdos_ext {{
    default html;
{patterns}}}
# the language of a page: ?lang=, else the cookie, else Accept-Language, else the export's default
map $arg_lang $acuerdos_lang_asked {{
    default "";
{asked}}}
map $cookie_lang $acuerdos_lang_kept {{
    default "";
{kept}}}
map $http_accept_language $acuerdos_lang_header {{
    default {lang};
{header}}}
map "$acuerdos_lang_asked$acuerdos_lang_kept" $acuerdos_lang_given {{
    default $acuerdos_lang_header;
    ~^(?<acuerdos_first>..) $acuerdos_first;
}}
map $acuerdos_ext $acuerdos_file {{
    default $acuerdos_ext;
    html $acuerdos_lang_given.html;
}}
map $acuerdos_lang_asked $acuerdos_lang_cookie {{
    default "{lang_cookie("$acuerdos_lang_asked")}";
    "" "";
}}

server {{
    listen 80;
    server_name _;
    root {root};
    types {{
{types}    }}
    default_type text/plain;
    charset utf-8;
    charset_types {_TEXT};
    error_page 404 /404.$acuerdos_lang_given.html;
    absolute_redirect off;  # redirects name a path, as the service's do: right behind any proxy

    location ~ ^/404\\.(\\w+\\.)?html$ {{ internal; }}
    location = / {{
        add_header Vary "Accept, Accept-Language, Cookie" always;
        add_header Set-Cookie $acuerdos_lang_cookie always;
        try_files /index.$acuerdos_lang_given.html /index.html =404;
    }}
    location = /.well-known/void {{ return 303 /dataset; }}
    location = /dumps {{ return 303 /dataset#downloads; }}
    location /static/ {{ }}
    location /dumps/ {{
        gzip_static on;
        add_header Vary Accept-Encoding always;
        add_header Link '</dataset>; rel="describedby"' always;
    }}
    location ~ ^/(.+)/$ {{ return 301 /$1; }}
    location / {{
        add_header Vary "Accept, Accept-Language, Cookie" always;
        add_header Set-Cookie $acuerdos_lang_cookie always;
        try_files $uri.$acuerdos_file $uri.$acuerdos_lang_given.html $uri.html $uri =404;
    }}
}}
"""


def htaccess(lang: str) -> str:
    """The Apache httpd configuration (a ``.htaccess`` at the root of the export), pages in ``lang``
    for clients that name no language of ours."""
    types = "".join(f"AddType {media} .{ext}\n" for ext, media in _TYPES.items())
    charset = " ".join(f".{ext}" for ext, media in _TYPES.items() if media in _TEXT.split())
    gzipped = "".join(
        f"RewriteCond %{{HTTP:Accept-Encoding}} gzip\nRewriteCond %{{REQUEST_FILENAME}}.gz -f\n"
        f"RewriteRule ^(dumps/.+\\.{ext})$ $1.gz [E=ACUERDOS_GZIP:{_TYPES[ext]},L]\n"
        for ext in _DUMPS
    )
    rules = []
    for ext, media in _NEGOTIATED:
        wanted = "|".join(_regex(m) for m in media if m != "*/*")
        file = f"%{{ENV:ACUERDOS_LANG}}.{ext}" if ext == "html" else ext
        rules.append(
            f"RewriteCond %{{HTTP_ACCEPT}} {wanted} [NC]\n"
            f"RewriteCond %{{REQUEST_FILENAME}}.{file} -f\n"
            f"RewriteRule ^(.+)$ $1.{file} [L]\n"
        )
    ours = "|".join(LANGS)
    header = "".join(
        f"RewriteCond %{{HTTP:Accept-Language}} {_first_named(code)} [NC]\nRewriteRule ^ - [E=ACUERDOS_LANG:{code}]\n"
        for code in LANGS
    )
    cookies = "".join(
        f'<If "%{{QUERY_STRING}} =~ /(?:^|&)lang={code}(?:&|$)/i">\n'
        f'  Header always set Set-Cookie "{lang_cookie(code)}"\n</If>\n'
        for code in LANGS
    )
    choice = (
        f"RewriteRule ^ - [E=ACUERDOS_LANG:{lang}]\n{header}"
        f"RewriteCond %{{HTTP_COOKIE}} (?:^|;\\s*)lang=({ours})(?:;|$)\nRewriteRule ^ - [E=ACUERDOS_LANG:%1]\n"
    )
    choice += "".join(
        f"RewriteCond %{{QUERY_STRING}} (?:^|&)lang={code}(?:&|$) [NC]\nRewriteRule ^ - [E=ACUERDOS_LANG:{code}]\n"
        for code in LANGS
    )
    return f"""# acuerdos: a static export (`acuerdos export`) with the service's content negotiation,
# for Apache httpd with mod_rewrite, mod_headers and mod_mime (the folder needs AllowOverride All).
{types}AddCharset utf-8 {charset}
Options -MultiViews
DirectoryIndex index.html
# /queries is a page and a folder (queries/X): the page, not a redirect to the folder
DirectorySlash Off
ErrorDocument 404 /404.%{{ENV:ACUERDOS_LANG}}.html
Header merge Vary "Accept, Accept-Language, Cookie"
{cookies}<If "%{{REQUEST_URI}} =~ m#^/dumps/#">
  Header set Link "</dataset>; rel=\\"describedby\\""
  Header merge Vary Accept-Encoding
</If>
<FilesMatch "\\.gz$">
  ForceType application/gzip
</FilesMatch>
# the gzip copy answering for a dump (below): the dump's type, gzip-encoded
Header set Content-Encoding gzip env=REDIRECT_ACUERDOS_GZIP
Header set Content-Type %{{REDIRECT_ACUERDOS_GZIP}}e env=REDIRECT_ACUERDOS_GZIP

RewriteEngine On
RewriteBase /
RewriteRule ^\\.well-known/void$ /dataset [R=303,L]
RewriteRule ^dumps$ /dataset#downloads [R=303,NE,L]
RewriteRule ^(.+)/$ /$1 [R=301,L]
# the language of a page: ?lang=, else the cookie, else Accept-Language, else the export's default
{choice}RewriteRule ^$ index.%{{ENV:ACUERDOS_LANG}}.html [L]
# a dump to a client that accepts gzip: its gzip copy, sent as the dump gzip-encoded
{gzipped}# the first of these representations that Accept names and that exists; else the page
{"".join(rules)}RewriteCond %{{REQUEST_FILENAME}}.%{{ENV:ACUERDOS_LANG}}.html -f
RewriteRule ^(.+)$ $1.%{{ENV:ACUERDOS_LANG}}.html [L]
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^(.+)$ $1.html [L]
"""


def w3id_htaccess(url: str) -> str:
    """The w3id.org redirect of the base IRI to ``url``, the server that publishes the data."""
    return f"""# https://w3id.org/acuerdos/ → {url}
# As acuerdos/.htaccess in a pull request to the w3id.org repository. Every IRI under the base is
# sent, with its path, to the server that publishes the data (the static export behind nginx or
# Apache, or `acuerdos serve` behind a proxy); the client asks again with the same Accept header,
# and that server answers with the page or the RDF format asked for.
Options +FollowSymLinks
RewriteEngine on
RewriteRule ^(.*)$ {url}$1 [R=303,L]
"""


def write_configs(folder: Path, root: Path, url: str, lang: str) -> int:
    """Write the three configurations into the export being written in ``folder``, which web servers
    will find at ``root`` (pages in ``lang`` by default); how many files."""
    server = folder / "server"
    server.mkdir(parents=True, exist_ok=True)
    (server / "nginx.conf").write_text(nginx_conf(root, lang), encoding="utf-8")
    (folder / ".htaccess").write_text(htaccess(lang), encoding="utf-8")
    (server / "w3id.htaccess").write_text(w3id_htaccess(url), encoding="utf-8")
    return 3
