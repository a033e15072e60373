package com.finagent.application.messaging;

/** The broker could not take or give a message. */
public class MessagingException extends RuntimeException {

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
