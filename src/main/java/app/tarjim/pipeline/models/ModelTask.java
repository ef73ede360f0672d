package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a model in the registry is for. */
public enum ModelTask {
    @JsonProperty("translation") TRANSLATION,
    @JsonProperty("summarization") SUMMARIZATION
}
