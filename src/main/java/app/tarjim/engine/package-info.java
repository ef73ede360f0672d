/**
 * Generation engine: encoder-decoder ONNX models (Optimum / transformers.js export layout) run through DJL's
 * OnnxRuntime engine, with Hugging Face {@code generate()} semantics (transformers 5: greedy search and the
 * vectorised {@code _beam_search}). No Spring or Vaadin here.
 *
 * <p>Entry point: {@link app.tarjim.engine.Seq2SeqModel#load}, which checks the folder
 * ({@link app.tarjim.engine.ModelFiles}, {@code ModelConfigReader}, {@code TokenizerSanitizer}), opens the graphs
 * ({@code OnnxSession}) and runs a two-step probe so that a bad file fails at load time with a
 * {@link app.tarjim.engine.ModelLoadException} naming it.
 *
 * <p>One generate call: inputs are grouped by length into sub-batches ({@code BatchPlanner}); per sub-batch the
 * encoder runs once ({@code Encoder}), then {@code GreedySearch} or {@code BeamSearch}/{@code BeamItem} drive
 * {@code Decoder} steps through {@code OnnxDecoderState}. When the logits processors of a step come down to one
 * mask shared by all rows, the step's logits stay native and two tiny generated graphs reduce them in ONNX
 * Runtime ({@code StepHeadGraph}: log-softmax with argmax for greedy, with top-k per beam for beam search);
 * otherwise the logits are read into Java and the same maths runs there ({@code LogSoftmax}, the processors).
 * Beam bookkeeping is plain Java in HF's order and float32 arithmetic. Past key/values
 * stay native ({@code KvCache}); beam reordering and dropping finished inputs gather their rows with a tiny
 * generated ONNX Gather graph ({@code GatherGraph}, {@code RowGather}), so they never pass through Java.
 * Sessions are opened with ONNX Runtime worker threads that sleep between runs rather than spin
 * ({@code OnnxSession}): spinning workers took the cores the Java part of each step needs. int8 files are
 * opened with {@code session.disable_quant_qdq=1}, so their dequantized output projection is folded once at load
 * instead of recomputed each step; {@code Int8Projection} can instead rewrite that projection into int8 maths.
 *
 * <p>Multilingual models (NLLB-200 / M2M100, mBART): {@code LanguageCodes} finds the language-code tokens of
 * tokenizer.json and puts {@link app.tarjim.engine.ModelOptions#sourceLanguage()} into its post-processor template
 * (the published NLLB file names eng_Latn); {@link app.tarjim.engine.ModelOptions#targetLanguage()} becomes the
 * {@code forced_bos_token_id} of every call that sets none. With
 * {@link app.tarjim.engine.ModelOptions#englishOnlyOutput()} the decoder's output projection is rewritten at load
 * to multiply only the rows of {@code EnglishVocabulary}'s ids.
 *
 * <p>Thread-safety: a model may serve concurrent calls; each call has its own predictors and native memory,
 * released when it returns (or is cancelled).
 */
package app.tarjim.engine;
