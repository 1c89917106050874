package io.llmobs.context;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEncodingsTests {

	@ParameterizedTest
	@CsvSource({ "gpt-4o-mini, O200K_BASE", "gpt-4o-mini-2024-07-18, O200K_BASE", "GPT-4.1, O200K_BASE",
			"gpt-5-nano, O200K_BASE", "o3-mini, O200K_BASE", "o4-mini, O200K_BASE", "openai/gpt-oss-120b, O200K_BASE",
			"gpt-4-turbo, CL100K_BASE", "gpt-4-0613, CL100K_BASE", "gpt-3.5-turbo, CL100K_BASE",
			"claude-sonnet-4-5, O200K_BASE", "mistral-large-latest, O200K_BASE" })
	void choosesEncodingByModelFamily(String model, EncodingType expected) {
		assertThat(TokenEncodings.forModel(model)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = "null")
	void unknownModelGetsTheGeneralPurposeEncoding(String model) {
		assertThat(TokenEncodings.forModel(model)).isEqualTo(EncodingType.O200K_BASE);
	}

}
