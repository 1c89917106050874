package io.llmobs.context;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ContextCalibrationTests {

	private final ContextCalibration calibration = new ContextCalibration(0.2);

	@Test
	void firstCallSetsTheFactorSoAConstantRatioIsCorrectedFromTheSecondCall() {
		ContextCalibration.ModelCalibration model = this.calibration.of("claude-sonnet-4-5");
		assertThat(model.factor()).isEqualTo(1.0);
		assertThat(model.learn(1_000, 1_000, 1_200)).isCloseTo(0.2 / 1.2, within(1e-9));
		assertThat(model.factor()).isCloseTo(1.2, within(1e-9));
		long estimate = 4_321;
		long calibrated = Math.round(estimate * model.factor());
		assertThat(model.learn(estimate, calibrated, Math.round(estimate * 1.2))).isLessThan(0.001);
	}

	@Test
	void factorFollowsAMovingAverage() {
		ContextCalibration.ModelCalibration model = this.calibration.of("m");
		model.learn(1_000, 1_000, 1_000);
		model.learn(1_000, 1_000, 1_500);
		assertThat(model.factor()).isCloseTo(1.0 + 0.2 * 0.5, within(1e-9));
		ContextCalibration.ModelCalibration.Snapshot snapshot = this.calibration.snapshot().get("m");
		assertThat(snapshot.samples()).isEqualTo(2);
		assertThat(snapshot.factor()).isCloseTo(1.1, within(1e-9));
		assertThat(snapshot.encoding()).isEqualTo("o200k_base");
	}

	@Test
	void promptsWithToolsAreLearnedApart() {
		this.calibration.of("gpt-4o-mini", false).learn(1_000, 1_000, 1_000);
		this.calibration.of("gpt-4o-mini", true).learn(1_000, 1_000, 700);
		assertThat(this.calibration.of("gpt-4o-mini").factor()).isEqualTo(1.0);
		assertThat(this.calibration.of("gpt-4o-mini", true).factor()).isCloseTo(0.7, within(1e-9));
		assertThat(this.calibration.snapshot()).containsOnlyKeys("gpt-4o-mini", "gpt-4o-mini +tools");
	}

	@Test
	void ratiosThatAreNoTokenizerDifferenceAreIgnored() {
		ContextCalibration.ModelCalibration model = this.calibration.of("vision");
		assertThat(model.learn(100, 100, 5_000)).as("an image the estimate does not see").isNull();
		assertThat(model.learn(100, 100, 0)).isNull();
		assertThat(model.factor()).isEqualTo(1.0);
		assertThat(this.calibration.snapshot()).doesNotContainKey("vision");
	}

	@Test
	void modelsAreTrackedUpToALimitAndEncodedByFamily() {
		assertThat(this.calibration.of("gpt-4-turbo").encoding()).isEqualTo(EncodingType.CL100K_BASE);
		for (int i = 0; i < ContextCalibration.MAX_MODELS + 10; i++) {
			this.calibration.of("model-" + i).learn(100, 100, 110);
		}
		assertThat(this.calibration.snapshot()).hasSizeLessThanOrEqualTo(ContextCalibration.MAX_MODELS);
		ContextCalibration.ModelCalibration untracked = this.calibration.of("one-too-many");
		untracked.learn(100, 100, 150);
		assertThat(this.calibration.of("one-too-many").factor()).isEqualTo(1.0);
	}

	@Test
	void smoothingMustBeARatio() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ContextCalibration(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ContextCalibration(1.5));
	}

}
