// -Alamina.sarif=target/lamina.sarif: the build still succeeds with the warning, and the SARIF
// 2.1.0 log holds the finding with its rule, file, line and column, and its Fix.
import groovy.json.JsonSlurper

def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)

def warning = build.expectDiagnostic('WARNING', '../dropout-warning/src/main/java/com/example/model/ConvDropout.java',
        '@Dropout', 'DropoutBetweenConvs')
File sarifFile = new File(basedir, 'target/lamina.sarif')
build.expectFile(sarifFile)
def sarif = new JsonSlurper().parse(sarifFile, 'UTF-8')
build.check(sarif.version == '2.1.0', "SARIF version 2.1.0, got ${sarif.version}")
def run = sarif.runs[0]
def rules = run.tool.driver.rules ?: []
build.check(rules.any { it.id.toString().endsWith('DropoutBetweenConvs') },
        "the driver lists the rule DropoutBetweenConvs: ${rules*.id}")
def result = run.results.find { it.ruleId.toString().endsWith('DropoutBetweenConvs') }
build.check(result != null, "a result for DropoutBetweenConvs: ${run.results}")
def location = result.locations[0].physicalLocation
build.check(location.artifactLocation.uri.toString().endsWith('com/example/model/ConvDropout.java'),
        "the result's file is ConvDropout.java: ${location.artifactLocation.uri}")
build.check(location.region.startLine == warning.line && location.region.startColumn == warning.column,
        "the result's region is [${warning.line},${warning.column}] like the javac warning: ${location.region}")
build.check(result.level == 'warning', "the result's level is 'warning': ${result.level}")
// the Fix as structure: its text (the message's end) and the annotation it changes
build.check(result.properties?.fix && result.message.text.toString().endsWith('Fix: ' + result.properties.fix),
        "the result's properties.fix is the text after 'Fix: ': ${result.properties}")
build.check(result.properties.fixField == 'drop1' && result.properties.fixAnnotation == 'Dropout',
        "the Fix is carried out on drop1's @Dropout: ${result.properties}")
return true
