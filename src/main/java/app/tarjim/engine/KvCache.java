package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Past key/values between decoder steps, per layer: the decoder self-attention pair, which grows every step,
 * and the cross-attention (encoder) pair, computed once at step 0. Arrays stay native; reordering copies rows.
 */
final class KvCache implements AutoCloseable {

    private static final String[] KINDS = {"decoder.key", "decoder.value", "encoder.key", "encoder.value"};

    private final int layers;
    /** [layer * 4 + kind], kind as in {@link #KINDS}. */
    private final NDArray[] arrays;
    /** Output names by slot, and slots by input name: looked up for every input of every step. */
    private final String[] presentNames;
    private final Map<String, Integer> slotsByPastName = new HashMap<>();

    KvCache(int layers) {
        this.layers = layers;
        this.arrays = new NDArray[layers * KINDS.length];
        this.presentNames = new String[arrays.length];
        for (int layer = 0; layer < layers; layer++) {
            for (int kind = 0; kind < KINDS.length; kind++) {
                int slot = layer * KINDS.length + kind;
                presentNames[slot] = presentName(layer, kind);
                slotsByPastName.put(pastName(layer, kind), slot);
            }
        }
    }

    boolean isEmpty() {
        return arrays[0] == null;
    }

    static String pastName(int layer, int kind) {
        return "past_key_values." + layer + "." + KINDS[kind];
    }

    private static String presentName(int layer, int kind) {
        return "present." + layer + "." + KINDS[kind];
    }

    /** Cached array for an input named {@code past_key_values.{layer}.{kind}}, or null when not cached yet. */
    NDArray forInput(String inputName) {
        Integer slot = slotsByPastName.get(inputName);
        if (slot == null) {
            throw new IllegalStateException("Unknown past input " + inputName);
        }
        NDArray a = arrays[slot];
        if (a != null) {
            a.setName(inputName);
        }
        return a;
    }

    /**
     * Takes the {@code present.*} outputs of a step. Cross-attention values are taken only while none are cached:
     * Optimum's merged decoder returns dummies for them on its cached branch. Outputs not kept are closed.
     */
    void update(NDList outputs) {
        boolean takeCross = arrays[2] == null;
        for (int layer = 0; layer < layers; layer++) {
            for (int kind = 0; kind < KINDS.length; kind++) {
                int slot = layer * KINDS.length + kind;
                NDArray present = outputs.get(presentNames[slot]);
                boolean cross = kind >= 2;
                if (present == null) {
                    if (!cross || takeCross) {
                        throw new IllegalStateException("Decoder returned no " + presentNames[slot]);
                    }
                    continue;
                }
                if (cross && !takeCross) {
                    present.close();
                    continue;
                }
                if (arrays[slot] != null) {
                    arrays[slot].close();
                }
                arrays[slot] = present;
            }
        }
    }

    /**
     * Keeps rows in the given order. Beam reordering inside one input leaves the cross-attention rows
     * unchanged (all beams of an input share them), so {@code includeCross} is false then.
     */
    void keepRows(RowGather.Runners gather, NDManager manager, int[] rows, boolean includeCross) {
        if (isEmpty() || Tensors.isIdentity(rows, arrays[0].getShape().get(0))) {
            return;
        }
        gatherKinds(gather, manager, rows, 0);
        if (includeCross) {
            gatherKinds(gather, manager, rows, 2);
        }
    }

    /** Gathers the key and value of every layer for kinds {@code firstKind} and {@code firstKind + 1}. */
    private void gatherKinds(RowGather.Runners gather, NDManager manager, int[] rows, int firstKind) {
        int[] slots = new int[2 * layers];
        NDArray[] sources = new NDArray[slots.length];
        for (int layer = 0; layer < layers; layer++) {
            for (int k = 0; k < 2; k++) {
                slots[2 * layer + k] = layer * KINDS.length + firstKind + k;
                sources[2 * layer + k] = arrays[slots[2 * layer + k]];
            }
        }
        NDArray[] gathered = gather.cacheRows(manager, sources, rows);
        for (int i = 0; i < slots.length; i++) {
            arrays[slots[i]].close();
            arrays[slots[i]] = gathered[i];
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != null) {
                arrays[i].close();
                arrays[i] = null;
            }
        }
    }
}
