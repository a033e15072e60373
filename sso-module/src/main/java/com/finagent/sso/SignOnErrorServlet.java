package com.finagent.sso;

import com.finagent.application.error.ErrorType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The container's own errors in this WAR as problems: above all 404 for every address when single sign-on is not
 * configured (no sign-in pages are registered then), and a refused sign-in.
 */
@WebServlet("/problem")
public class SignOnErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        ErrorType type = switch (status) {
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.AUTHORIZATION;
            case 404 -> ErrorType.NOT_FOUND;
            default -> status >= 500 ? ErrorType.INTERNAL : ErrorType.VALIDATION;
        };
        String detail = switch (status) {
            case 401 -> "The identity provider's sign-in did not complete; start again from the sign-in page";
            case 404 -> SingleSignOnActivation.configured() ? "No such single sign-on page"
                    : "Single sign-on is not configured; sign in with a local account";
            default -> status >= 500 ? "Something went wrong on our side" : "Request rejected";
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.send(response, type, status, detail, uri == null ? null : uri.toString());
    }
}
