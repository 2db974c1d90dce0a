package dev.lamina.processor.report;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Fix;
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

    /**
     * The source change that carries out {@code fix} in the class {@code locator} describes: the
     * written value of the attribute its target names, and the replacement text. Empty when the
     * Fix has no concrete replacement, when the attribute is not written in the source (a default),
     * or when javac cannot tell where it is.
     */
    public Optional<SarifWriter.Replacement> replacement(Fix fix, SourceLocator locator) {
        if (trees == null || locator == null || fix == null || fix.target() == null
                || fix.target().replacement() == null) {
            return Optional.empty();
        }
        try {
            SourceLocator.Place place = locator.locate(fix.target().origin());
            if (place.annotation() == null || place.value() == null) {
                return Optional.empty();
            }
            TreePath path = trees.getPath(place.element(), place.annotation(), place.value());
            if (path == null) {
                return Optional.empty();
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            Tree value = path.getLeaf();
            com.sun.source.util.SourcePositions source = trees.getSourcePositions();
            long start = source.getStartPosition(unit, value);
            long end = source.getEndPosition(unit, value);
            if (end < 0 && start >= 0) {
                end = endInText(unit.getSourceFile().getCharContent(true), value, (int) start);
            }
            if (start < 0 || end <= start) {
                return Optional.empty();
            }
            LineMap lines = unit.getLineMap();
            return Optional.of(new SarifWriter.Replacement(unit.getSourceFile().toUri().toString(),
                    lines.getLineNumber(start), lines.getColumnNumber(start), lines.getLineNumber(end),
                    lines.getColumnNumber(end), fix.target().replacement()));
        } catch (RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where an attribute value that starts at {@code start} ends, for command-line javac, which keeps
     * no end positions: after the closing brace of an array ({@code {28, 28, 1}}, whose elements are
     * constants), else after the constant's characters ({@code 0.3}, {@code -1}, {@code 1e-3f}).
     */
    private static long endInText(CharSequence text, Tree value, int start) {
        if (value instanceof NewArrayTree) {
            for (int i = start; i < text.length(); i++) {
                if (text.charAt(i) == '}') {
                    return i + 1;
                }
            }
            return -1;
        }
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || ".+-_".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
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
