package com.finagent.web.chat;

/** A chunk of an answer as the model writes it: the {@code partial} event of {@code POST /chat/stream}. */
public record ChatPartialView(String text) {
}
