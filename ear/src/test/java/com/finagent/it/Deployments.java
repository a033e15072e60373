package com.finagent.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The EAR exactly as the build packaged it. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("finagent.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Package the EAR first: " + ear);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
