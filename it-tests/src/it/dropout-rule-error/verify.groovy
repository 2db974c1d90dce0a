// -Alamina.lint.DropoutBetweenConvs=error: the DropoutBetweenConvs finding is an ERROR on the @Dropout annotation,
// and the build fails (invoker.buildResult = failure).
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

build.expectDiagnostic('ERROR', '../dropout-warning/src/main/java/com/example/model/ConvDropout.java',
        '@Dropout', 'DropoutBetweenConvs')
build.expectLog('BUILD FAILURE')
return true
