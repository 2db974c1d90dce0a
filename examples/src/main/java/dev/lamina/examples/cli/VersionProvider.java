package dev.lamina.examples.cli;

import picocli.CommandLine;

/** {@code lamina --version}: Lamina's version and the Java running it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LaminaCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "lamina " + (version != null ? version : "0.1.0-SNAPSHOT (development build)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
