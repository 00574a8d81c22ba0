package io.dbosj.conformance;

/** The workflows of the DBOS Transact Java app whose database io.dbosj's tools read. */
public interface JavaShop {
  String order(String sku);

  String refuse(String sku);
}
