// Makes two user projects from README.md's own text, so README cannot drift from what works:
//   fixed/: README's pom.xml snippet + README's Bad model with the fix README describes
//           ("@Flatten Layer flat;" added before "logits");
//   bad/:   README's pom.xml snippet + README's Bad model as shown.
// The model file gets a package and an import (4 lines), which README's line numbers count.
String readmeText = new File(readme).getText('UTF-8')
String section = readmeText.substring(readmeText.indexOf('## Use it in your project'))
def pom = (section =~ /(?ms)^```xml\n(<\?xml.*?<\/project>\n)```/)
assert pom.find(): 'README.md has a complete pom.xml in a ```xml block under "## Use it in your project"'
def model = (readmeText =~ /(?ms)^```java\n(@Model.*?public class Bad \{.*?\n\}\n)```/)
assert model.find(): 'README.md shows the Bad model in a ```java block'
String header = 'package com.example;\n\nimport dev.lamina.*;\n\n'
List<String> lines = model.group(1).readLines()
int logits = lines.findIndexOf { it.contains('Layer logits;') }
assert logits > 0: 'the Bad model has a logits layer'
List<String> fixed = lines.take(logits) + ['    @Flatten                      Layer flat;'] + lines.drop(logits)

[bad: lines, fixed: fixed].each { name, source ->
    File dir = new File(basedir, name)
    new File(dir, 'src/main/java/com/example').mkdirs()
    new File(dir, 'pom.xml').setText(pom.group(1), 'UTF-8')
    new File(dir, 'src/main/java/com/example/Bad.java').setText(header + source.join('\n') + '\n', 'UTF-8')
}
return true
