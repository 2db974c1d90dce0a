// <failOnWarning>true</failOnWarning> (javac -Werror): the lint stays a warning on the @Dropout
// annotation, and javac fails the build because of it.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectDiagnostic('WARNING', '../dropout-warning/src/main/java/com/example/model/ConvDropout.java',
        '@Dropout', 'DropoutBetweenConvs')
build.expectLog('warnings found and -Werror specified')
build.expectLog('BUILD FAILURE')
return true
