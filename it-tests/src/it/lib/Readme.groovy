/*
 * README.md's user project, read from README.md's own text, so README cannot drift from what
 * works: its complete pom.xml, its <repositories> block (the deployed repository, until a public
 * release exists) and its Bad model. Shared by readme-snippet and readme-from-repository; load it with
 *
 *   def readme = new GroovyClassLoader(getClass().classLoader)
 *           .parseClass(new File(itSourceDir, 'lib/Readme.groovy')).newInstance(new File(readme))
 */
class Readme {

    /** What a model file gets before README's text: a package and an import (4 lines, counted by README's line numbers). */
    static final String HEADER = 'package com.example;\n\nimport dev.lamina.*;\n\n'

    final String text
    /** README's "Use it in your project" section, to its end. */
    final String section

    Readme(File file) {
        text = file.getText('UTF-8')
        int start = text.indexOf('## Use it in your project')
        assert start >= 0: 'README.md has a "## Use it in your project" section'
        section = text.substring(start)
    }

    /** The complete pom.xml of the section (a ```xml block from <?xml to </project>). */
    String pom() {
        def pom = (section =~ /(?ms)^```xml\n(<\?xml.*?<\/project>\n)```/)
        assert pom.find(): 'README.md has a complete pom.xml in a ```xml block under "## Use it in your project"'
        return pom.group(1)
    }

    /** The section's ```xml block that holds <repositories> (the deployed repository). */
    String repositories() {
        def block = (section =~ /(?ms)^```xml\n(  <repositories>\n.*?  <\/repositories>\n)```/)
        assert block.find(): 'README.md has a <repositories> block in a ```xml block under "## Use it in your project"'
        return block.group(1)
    }

    /** README's Bad model (lines), as shown or with the fix README describes (@Flatten before logits). */
    List<String> badModel(boolean fixed) {
        def model = (text =~ /(?ms)^```java\n(@Model.*?public class Bad \{.*?\n\}\n)```/)
        assert model.find(): 'README.md shows the Bad model in a ```java block'
        List<String> lines = model.group(1).readLines()
        if (!fixed) return lines
        int logits = lines.findIndexOf { it.contains('Layer logits;') }
        assert logits > 0: 'the Bad model has a logits layer'
        return lines.take(logits) + ['    @Flatten                      Layer flat;'] + lines.drop(logits)
    }

    /** Writes a user project: dir/pom.xml and dir/src/main/java/com/example/Bad.java. */
    static void writeProject(File dir, String pom, List<String> model) {
        new File(dir, 'src/main/java/com/example').mkdirs()
        new File(dir, 'pom.xml').setText(pom, 'UTF-8')
        new File(dir, 'src/main/java/com/example/Bad.java').setText(HEADER + model.join('\n') + '\n', 'UTF-8')
    }
}
