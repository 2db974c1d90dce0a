<#-- META-INF/NOTICE of lamina.jar (license-maven-plugin add-third-party; examples/pom.xml): Lamina's
     notice, then every library the jar bundles with the license its pom declares. -->
Lamina
Copyright 2026 The Lamina developers

This product is licensed under the Apache License, Version 2.0 (META-INF/LICENSE).

This jar (the lamina command line) also bundles the following ${dependencyMap?size} libraries, each
under its own license, as declared in its Maven pom (license name, then library, its Maven
coordinates and home page):

<#list dependencyMap as e>
<#assign p = e.getKey()/>
  <#list e.getValue() as license>(${license}) </#list>${p.name!p.artifactId} (${p.groupId}:${p.artifactId}:${p.version} - ${p.url!"no url defined"})
</#list>

The notices that bundled libraries ship themselves are part of this file too.
