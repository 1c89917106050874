package io.llmobs.sample;

import io.llmobs.test.NullMarkedPackages;
import org.junit.jupiter.api.Test;

/**
 * Every package of the sample is checked by NullAway.
 */
class NullMarkedPackagesTests {

	@Test
	void everyPackageIsNullMarked() {
		NullMarkedPackages.assertAllNullMarked("io.llmobs.sample");
	}

}
