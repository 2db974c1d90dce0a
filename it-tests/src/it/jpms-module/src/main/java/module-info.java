module com.example.model {
    requires dev.lamina.runtime;
    requires ai.djl.api;
}
