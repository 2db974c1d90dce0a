package dev.lamina.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.model.SourceLocator;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * File, line and column of a finding, for the SARIF log. Uses javac's tree API, which other
 * compilers (e.g. Eclipse's) do not offer: then {@link #of} returns an instance that finds
 * nothing, and findings are written without a location rather than failing the build.
 */
public final class SourcePositions {

    private final Trees trees;

    private SourcePositions(Trees trees) {
        this.trees = trees;
    }

    /** Positions through javac's trees when available. */
    public static SourcePositions of(ProcessingEnvironment env) {
        try {
            return new SourcePositions(Trees.instance(env));
        } catch (RuntimeException | LinkageError e) {
            return new SourcePositions(null);
        }
    }

    /** The finding with its file URI and 1-based line and column, when javac can tell. */
    public Optional<SarifWriter.Result> locate(Finding finding, SourceLocator locator) {
        if (trees == null) {
            return Optional.empty();
        }
        try {
            SourceLocator.Place place = locator.locate(finding.origin());
            TreePath path = place.annotation() == null ? trees.getPath(place.element())
                    : place.value() == null ? trees.getPath(place.element(), place.annotation())
                    : trees.getPath(place.element(), place.annotation(), place.value());
            if (path == null) {
                return Optional.empty();
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            long start = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
            LineMap lines = unit.getLineMap();
            return Optional.of(new SarifWriter.Result(finding, unit.getSourceFile().toUri().toString(),
                    lines.getLineNumber(start), lines.getColumnNumber(start)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
