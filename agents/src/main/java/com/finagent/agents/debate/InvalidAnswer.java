package com.finagent.agents.debate;

/** A model answer that is not the JSON the step asked for. */
final class InvalidAnswer extends Exception {

    InvalidAnswer(String message) {
        super(message);
    }
}
