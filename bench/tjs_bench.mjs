// transformers.js side of bench/run.sh: greedy generation (transformers.js has no beam search) on the same model
// folder and token ids as the Java benchmark. Prints one JSON object on stdout.
// Usage: node bench/tjs_bench.mjs MODEL_DIR INPUTS_JSON THREADS NEW_TOKENS RUNS
// TJS_PATH: the transformers.js package entry (default tools/fixtures/js/node_modules/@huggingface/transformers).
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modelDir, inputsFile, threadsArg, newTokensArg, runsArg] = process.argv.slice(2);
const tjsPath = process.env.TJS_PATH
    ?? path.resolve('tools/fixtures/js/node_modules/@huggingface/transformers/dist/transformers.node.mjs');
const { env, AutoModelForSeq2SeqLM, Tensor } = await import(pathToFileURL(tjsPath).href);

env.allowRemoteModels = false;
env.localModelPath = path.dirname(path.resolve(modelDir));
const name = path.basename(modelDir);
const threads = Number(threadsArg), newTokens = Number(newTokensArg), runs = Number(runsArg);
const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
const config = JSON.parse(fs.readFileSync(path.join(modelDir, 'config.json'), 'utf8'));
const pad = config.pad_token_id;

function batchTensors(rows) {
  const width = Math.max(...rows.map(r => r.length));
  const ids = new BigInt64Array(rows.length * width);
  const mask = new BigInt64Array(rows.length * width);
  rows.forEach((r, i) => {
    for (let c = 0; c < width; c++) {
      ids[i * width + c] = BigInt(c < r.length ? r[c] : pad);
      mask[i * width + c] = c < r.length ? 1n : 0n;
    }
  });
  return { input_ids: new Tensor('int64', ids, [rows.length, width]),
           attention_mask: new Tensor('int64', mask, [rows.length, width]) };
}

async function measure(model, rows) {
  const { input_ids, attention_mask } = batchTensors(rows);
  const run = () => model.generate({ inputs: input_ids, attention_mask, max_new_tokens: newTokens,
                                     min_new_tokens: newTokens, num_beams: 1, do_sample: false });
  await run(); // warm-up
  const times = [];
  let tokens = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const out = await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    tokens = out.dims[0] * (out.dims[1] - 1);
  }
  const ms = Math.min(...times); // best of the runs, as on the Java side
  return { wall_ms: ms, tokens, ms_per_token: ms / tokens, tokens_per_s: tokens / (ms / 1000) };
}

const results = {};
for (const [variant, dtype] of [['fp32', 'fp32'], ['quantized', 'q8']]) {
  const model = await AutoModelForSeq2SeqLM.from_pretrained(name, {
    dtype, session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  results[variant] = { single: await measure(model, inputs.slice(0, 1)), batch: await measure(model, inputs) };
  await model.dispose();
}
console.log(JSON.stringify(results));
