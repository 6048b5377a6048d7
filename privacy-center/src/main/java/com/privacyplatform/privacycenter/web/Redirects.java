package com.privacyplatform.privacycenter.web;

import jakarta.ws.rs.core.Response;

/** Redirects after a form post (post/redirect/get). */
public final class Redirects {

    private Redirects() {
    }

    /**
     * 303 to a page of this application. The Location is a path ({@code /privacy/...}): the browser
     * resolves it against the address it used (the gateway's), and JAX-RS does not prefix it again.
     */
    public static Response seeOther(String pathUnderRoot) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", Page.base() + pathUnderRoot).build();
    }
}
