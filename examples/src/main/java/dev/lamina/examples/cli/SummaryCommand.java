package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** {@code lamina summary [MODEL]}: the compile-time layer table of a model, or the list of models. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        header = "Print a model's layers, output shapes and parameter counts.",
        description = "The table is computed at compile time by the processor; no engine loads."
                + " Without MODEL, lists every model in the jar by the name the commands take.")
final class SummaryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", arity = "0..1",
            description = "@Model class or generated Net class, e.g. FashionCnn, PlainNet,"
                    + " cifar.Plain, or a fully qualified name.")
    String model;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            out.println("Models (`lamina summary MODEL` shows one; names with a package prefix are"
                    + " relative to dev.lamina.examples.models):");
            ModelCatalog.available().forEach(name -> out.println("  " + name));
        } else {
            out.println(ModelCatalog.resolve(model).summary());
        }
        out.flush();
    }
}
