package com.finagent.agents.debate;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event, as a server persisting {@code agent_executions} would see them. */
final class RecordingListener implements DebateListener {

    final List<Execution> started = new ArrayList<>();
    final List<Execution> finished = new ArrayList<>();
    final List<String> order = new ArrayList<>();

    @Override
    public synchronized void started(Execution execution) {
        started.add(execution);
        order.add("start " + execution.id());
    }

    @Override
    public synchronized void finished(Execution execution) {
        finished.add(execution);
        order.add("finish " + execution.id());
    }
}
