package com.finagent.application.cluster;

/** Which server instance this is, as recorded beside work it did (a claimed duty, a debate it ran). */
public final class ServerInstance {

    /** Payara's name of the instance: "server" when it runs alone, the instance's name in a deployment group. */
    public static final String NAME = System.getProperty("com.sun.aas.instanceName", "server");

    private ServerInstance() {
    }
}
