package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lamina summary MODEL}: the compile-time layer table of a model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        header = "Print a model's layers, output shapes and parameter counts.",
        description = "The table is computed at compile time by the processor; no engine loads.")
final class SummaryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "@Model class or generated Net class, e.g. FashionCnn, PlainNet,"
                    + " or a fully qualified name.")
    String model;

    @Override
    public void run() {
        spec.commandLine().getOut().println(ModelCatalog.resolve(model).summary());
        spec.commandLine().getOut().flush();
    }
}
