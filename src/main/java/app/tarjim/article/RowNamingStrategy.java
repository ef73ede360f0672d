package app.tarjim.article;

import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.util.ParsingUtils;
import org.springframework.stereotype.Component;

/**
 * Derives every table and column name by convention instead of spelling it out in annotations. Spelled-out
 * names are quoted verbatim, which breaks on H2 (upper-case identifiers) or on PostgreSQL (lower-case);
 * derived names follow each database's case. The convention: record {@code ShareLinkRow} maps to table
 * {@code share_link}, a child list refers to its parent by {@code <parent table>_id} and keeps its order in
 * {@code list_index}.
 */
@Component
class RowNamingStrategy implements NamingStrategy {

    private static final String ROW_SUFFIX = "Row";

    @Override
    public String getTableName(Class<?> type) {
        String name = type.getSimpleName();
        if (name.endsWith(ROW_SUFFIX)) {
            name = name.substring(0, name.length() - ROW_SUFFIX.length());
        }
        return ParsingUtils.reconcatenateCamelCase(name, "_");
    }

    @Override
    public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
        return getTableName(owner.getType()) + "_id";
    }

    @Override
    public String getReverseColumnName(RelationalPersistentProperty property) {
        return getReverseColumnName(property.getOwner());
    }

    @Override
    public String getKeyColumn(RelationalPersistentProperty property) {
        return "list_index";
    }
}
