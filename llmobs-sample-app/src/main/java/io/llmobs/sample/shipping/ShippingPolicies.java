package io.llmobs.sample.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipping-policy passages of {@code shipping/rate-card.md} in a
 * {@link SimpleVectorStore}, one document per section. They are embedded on the first
 * search, not at start-up: offline, the embeddings come from the simulator that this
 * application serves itself, which is not listening yet while the context starts.
 */
@Component
public final class ShippingPolicies {

	/** Passages handed to the model per question. */
	static final int TOP_K = 3;

	private static final String RATE_CARD = "shipping/rate-card.md";

	private final EmbeddingModel embeddingModel;

	private final ObservationRegistry observationRegistry;

	private volatile @Nullable SimpleVectorStore store;

	/**
	 * Creates the policies.
	 * @param embeddingModel the auto-configured embedding model
	 * @param observationRegistry where the vector store's queries are observed
	 */
	public ShippingPolicies(EmbeddingModel embeddingModel, ObservationRegistry observationRegistry) {
		this.embeddingModel = embeddingModel;
		this.observationRegistry = observationRegistry;
	}

	/**
	 * The passages closest to a question.
	 * @param question the question
	 * @return up to {@value #TOP_K} passages, closest first, with their similarity score
	 */
	public List<Document> search(String question) {
		return store().similaritySearch(SearchRequest.builder().query(question).topK(TOP_K).build());
	}

	private SimpleVectorStore store() {
		SimpleVectorStore store = this.store;
		if (store == null) {
			synchronized (this) {
				store = this.store;
				if (store == null) {
					store = SimpleVectorStore.builder(this.embeddingModel)
						.observationRegistry(this.observationRegistry)
						.build();
					store.add(passages());
					this.store = store;
				}
			}
		}
		return store;
	}

	/**
	 * The sections of the rate card, each a document titled by its heading.
	 * @return the documents
	 */
	static List<Document> passages() {
		String text;
		try {
			text = new ClassPathResource(RATE_CARD).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RATE_CARD, ex);
		}
		List<Document> passages = new ArrayList<>();
		for (String section : text.split("(?m)^## ")) {
			if (!section.isBlank()) {
				String title = section.lines().findFirst().orElse("").strip();
				passages.add(new Document(section.strip(), Map.of("title", title)));
			}
		}
		return passages;
	}

}
