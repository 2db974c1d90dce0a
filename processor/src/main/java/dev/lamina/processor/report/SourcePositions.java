package dev.lamina.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
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

    /**
     * Whether {@code element} is declared in a source file of this compilation (of any round), as
     * opposed to a class file; false where javac's trees are not available.
     */
    public boolean inSource(javax.lang.model.element.Element element) {
        try {
            return trees != null && trees.getPath(element) != null;
        } catch (RuntimeException e) {
            return false;
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
            long start = javacPosition(unit, path.getLeaf());
            LineMap lines = unit.getLineMap();
            return Optional.of(new SarifWriter.Result(finding, unit.getSourceFile().toUri().toString(),
                    lines.getLineNumber(start), lines.getColumnNumber(start)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The position javac's own diagnostic shows for {@code tree}: its start, except for a
     * qualified name such as {@code Act.SOFTMAX}, where javac points at the dot (its "preferred
     * position", which the public tree API does not expose; the dot directly follows the
     * qualifier in formatted code).
     */
    private long javacPosition(CompilationUnitTree unit, Tree tree) {
        com.sun.source.util.SourcePositions source = trees.getSourcePositions();
        if (tree instanceof MemberSelectTree select) {
            ExpressionTree qualifier = select.getExpression();
            long end = source.getEndPosition(unit, qualifier);
            if (end < 0 && qualifier instanceof IdentifierTree name) {
                // command-line javac keeps no end positions; a simple name ends after its letters
                end = source.getStartPosition(unit, name) + name.getName().length();
            }
            if (end >= 0) {
                return end;
            }
        }
        return source.getStartPosition(unit, tree);
    }
}
