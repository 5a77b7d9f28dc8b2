# Varnish in front of Broadsheet: caches what the app marks public, serves stale briefly
# while refetching, and honours the app's exact purges (PURGE of a path drops every
# query-string variant of it).
#
# Run varnishd with `-p http_gzip_support=off`: the app stores every page already compressed
# with Brotli and gzip, so Varnish keeps one object per normalised Accept-Encoding (the app
# sends Vary: Accept-Encoding) and never compresses or decompresses on the request path;
# with gzip support on, Varnish would drop Brotli and gunzip for every client without gzip.
vcl 4.1;

import directors;

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = { .url = "/healthz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = { .url = "/healthz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }

acl purgers { "127.0.0.1"; "::1"; }

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Exact path match, no regex: every ?page=N variant of the path goes too.
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin/" || req.http.Authorization || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    # Readers get no cookies; anything else the browser sends must not split the cache.
    unset req.http.Cookie;
    # Only the query parameters that change a page reach the app and the cache key: the ones
    # apps declare with core.pagecache.declare_key_params, listed here by hand (the app drops
    # the same set; core/tests/test_pagecache.py fails when the two lists differ). Everything
    # else (utm_*, fbclid, gclid, ?x=1) is removed, so it can neither bust nor split the cache.
    # The JSON API (contentapi) declares its own set under /api/, instead of the site's.
    # Paths the app never caches keep their query (search's ?q=).
    if (req.url ~ "^/api/") {
        set req.url = regsuball(req.url, "([?&])(?!(?:limit|offset|section|tag|author|date_from|date_to)(?:=|&|$))[^&]*", "\1");
        call tidy_query;
    } elsif (req.url !~ "^/(search|static|media|documents)/") {
        set req.url = regsuball(req.url, "([?&])(?!(?:page|cpage|replytocom|p|page_id|cat|tag|author|feed|m)(?:=|&|$))[^&]*", "\1");
        call tidy_query;
    }
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub tidy_query {
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
}

sub vcl_backend_response {
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 60s;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
