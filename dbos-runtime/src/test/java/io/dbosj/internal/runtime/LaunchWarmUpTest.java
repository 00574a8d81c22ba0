package io.dbosj.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LaunchWarmUpTest {

  /**
   * The warm-up names a class of the pool's by its name and ignores its absence, so a pool upgrade
   * that renamed it would silently make the first launch slower: this is where that shows.
   */
  @Test
  void theClassTheWarmUpPreparesIsThePoolsClosedConnectionProxyHolder() throws Exception {
    Class<?> holder = Class.forName(LaunchWarmUp.POOL_CLOSED_CONNECTION, false, getClass().getClassLoader());

    assertThat(holder.getEnclosingClass().getName()).isEqualTo("com.zaxxer.hikari.pool.ProxyConnection");
    assertThat(Arrays.stream(holder.getDeclaredFields()))
        .anySatisfy(field -> {
          assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
          assertThat(field.getType()).isEqualTo(java.sql.Connection.class);
        });
  }
}
