package dev.lamina.examples.catalog;

import dev.lamina.examples.cli.LaminaCli;

/** A catalog class that reaches up into the command line: what ArchitectureTest must reject. */
public final class BackPointingImportFixture {

    private BackPointingImportFixture() {}

    public static String describe(LaminaCli cli) {
        return cli.toString();
    }
}
