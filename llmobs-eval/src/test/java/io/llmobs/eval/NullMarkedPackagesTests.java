package io.llmobs.eval;

import io.llmobs.test.NullMarkedPackages;
import org.junit.jupiter.api.Test;

/**
 * Every package of the regression gate is checked by NullAway.
 */
class NullMarkedPackagesTests {

	@Test
	void everyPackageIsNullMarked() {
		NullMarkedPackages.assertAllNullMarked("io.llmobs.eval");
	}

}
