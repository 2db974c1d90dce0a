// Makes two user projects from README.md's own text (lib/Readme.groovy), so README cannot drift
// from what works:
//   fixed/: README's pom.xml snippet + README's Bad model with the fix README describes
//           ("@Flatten Layer flat;" added before "logits");
//   bad/:   README's pom.xml snippet + README's Bad model as shown.
// The model file gets a package and an import (4 lines), which README's line numbers count.
def readmeFile = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/Readme.groovy'))
def text = readmeFile.newInstance(new File(readme))
String pom = text.pom()
[bad: false, fixed: true].each { name, fixed ->
    readmeFile.writeProject(new File(basedir, name), pom, text.badModel(fixed))
}
return true
