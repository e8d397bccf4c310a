package dev.bertlab.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;

/**
 * PostgreSQL as BertLab uses it: long text ({@code @Lob} strings: reasons, notes, JSON of hyperparameters and metrics)
 * lives in {@code text} columns and travels as plain strings. Hibernate's own PostgreSQL dialect would keep it as
 * large objects ({@code oid}), which H2's schema and every SQL tool read differently.
 */
public class PostgreSqlDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.CLOB || sqlTypeCode == SqlTypes.NCLOB ? "text" : super.columnType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(SqlTypes.CLOB, ClobJdbcType.STRING_BINDING);
    }
}
