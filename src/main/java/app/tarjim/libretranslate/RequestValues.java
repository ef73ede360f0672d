package app.tarjim.libretranslate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a LibreTranslate call, whichever way they came: a JSON object, or form fields
 * ({@code application/x-www-form-urlencoded} or multipart). Like LibreTranslate, a body counts as JSON by its
 * content type, and a form field given twice counts once (the first).
 */
record RequestValues(ObjectNode values, boolean fromJson) {

    static RequestValues of(HttpServletRequest request, ObjectMapper json) {
        if (isJson(request.getContentType())) {
            try {
                JsonNode body = json.readTree(request.getInputStream());
                if (body instanceof ObjectNode object) {
                    return new RequestValues(object, true);
                }
            } catch (JsonProcessingException e) {
                // answered below, as LibreTranslate answers it
            } catch (IOException e) {
                throw LibreTranslateException.badRequest("Invalid request: the body could not be read");
            }
            throw LibreTranslateException.badRequest("Invalid JSON format");
        }
        ObjectNode values = json.createObjectNode();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 0) {
                values.put(parameter.getKey(), parameter.getValue()[0]);
            }
        }
        return new RequestValues(values, false);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    JsonNode node(String name) {
        JsonNode node = values.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** A parameter as text (numbers too), or null when absent. */
    String text(String name) {
        JsonNode node = node(name);
        return node == null || node.isContainerNode() ? null : node.asText();
    }
}
