"""The all-MiniLM-L6-v2 sentence encoder written out as an ONNX graph from its safetensors weights:
BERT (embeddings, 6 encoder layers), then mean pooling over the attention mask and L2
normalisation, as sentence-transformers runs this model. Only standard ONNX operators are used;
onnxruntime fuses what it can (bias + GELU) when it loads the graph.

Inputs: `input_ids` and `attention_mask`, int64 (batch, tokens). Output: `embeddings`, float32
(batch, 384), each row of unit length.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import onnx
from numpy.typing import NDArray
from onnx import TensorProto, helper, numpy_helper

# Standard operators only: LayerNormalization needs 17, ReduceL2 with axes as an input 18.
OPSET = 18

# Tensors by their names in model.safetensors (float32, but for the unused int64 position_ids).
Weights = Mapping[str, NDArray[Any]]


@dataclass(frozen=True)
class BertShape:
    """The numbers in the model's config.json that the graph depends on."""

    layers: int = 6
    hidden: int = 384
    heads: int = 12
    intermediate: int = 1536
    layer_norm_eps: float = 1e-12


class _Graph:
    """Collects nodes and initializers; every helper returns the name of its output."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0
        self._names: set[str] = set()

    def const(self, name: str, value: NDArray[np.generic]) -> str:
        """A named constant; the shared ones (shapes, 0.5, √2) are stored once, on first use."""
        if name not in self._names:
            self._names.add(name)
            self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, *inputs: str, **attrs: Any) -> str:
        self._count += 1
        output = f"{op_type.lower()}_{self._count}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [output], **attrs))
        return output

    def dense(
        self, x: str, name: str, weight: NDArray[np.float32], bias: NDArray[np.float32]
    ) -> str:
        # PyTorch's Linear keeps weight as (out, in); ONNX MatMul wants (in, out).
        w = self.const(f"{name}.w", weight.T.astype(np.float32))
        b = self.const(f"{name}.b", bias.astype(np.float32))
        return self.op("Add", self.op("MatMul", x, w), b)

    def layer_norm(self, x: str, name: str, weights: Weights, eps: float) -> str:
        scale = self.const(f"{name}.scale", weights[f"{name}.weight"])
        bias = self.const(f"{name}.bias", weights[f"{name}.bias"])
        return self.op("LayerNormalization", x, scale, bias, axis=-1, epsilon=eps)


def sentence_encoder(weights: Weights, shape: BertShape = BertShape()) -> onnx.ModelProto:
    """The whole pipeline, tokens in, unit vectors out, for onnxruntime to load."""
    g = _Graph()
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)  # (B, S)
    x = _embeddings(g, weights, shape)

    # Added to the attention scores: 0 where a token is real, a large negative number on padding
    # so that softmax gives padding no weight. Shape (B, 1, 1, S) broadcasts over heads, queries.
    mask_4d = g.op("Unsqueeze", mask, g.const("axes_1_2", np.array([1, 2], np.int64)))
    one = g.const("one_f", np.array(1.0, np.float32))
    attention_bias = g.op(
        "Mul", g.op("Sub", one, mask_4d), g.const("minus_big", np.array(-1e9, np.float32))
    )

    for layer in range(shape.layers):
        x = _encoder_layer(g, x, attention_bias, weights, shape, f"encoder.layer.{layer}")

    pooled = _mean_pool(g, x, mask)
    # F.normalize(p=2, eps=1e-12): divide by the norm, never by less than eps.
    norm = g.op("ReduceL2", pooled, g.const("axis_last", np.array([-1], np.int64)), keepdims=1)
    norm = g.op("Max", norm, g.const("norm_eps", np.array(1e-12, np.float32)))
    g.nodes.append(helper.make_node("Div", [pooled, norm], ["embeddings"]))

    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        inputs=[
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        outputs=[
            helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", shape.hidden])
        ],
        initializer=g.initializers,
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="pontio"
    )
    # onnxruntime 1.3x reads IR version 10 and below; make_model stamps onnx's newest.
    model.ir_version = min(model.ir_version, 10)
    return model


def _embeddings(g: _Graph, weights: Weights, shape: BertShape) -> str:
    words = g.op(
        "Gather",
        g.const("word_embeddings", weights["embeddings.word_embeddings.weight"]),
        "input_ids",
    )
    # One text at a time means every token has type 0, so that row of the token-type table is
    # added to every position row once, here, instead of a third lookup per token.
    positions_and_type = (
        weights["embeddings.position_embeddings.weight"]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    table = g.const("position_and_type_embeddings", positions_and_type.astype(np.float32))
    tokens = g.op(
        "Slice",
        g.op("Shape", "input_ids"),
        g.const("one_i", np.array([1], np.int64)),
        g.const("two_i", np.array([2], np.int64)),
    )
    positions = g.op("Slice", table, g.const("zero_i", np.array([0], np.int64)), tokens)
    return g.layer_norm(
        g.op("Add", words, positions), "embeddings.LayerNorm", weights, shape.layer_norm_eps
    )


def _encoder_layer(
    g: _Graph, x: str, attention_bias: str, weights: Weights, shape: BertShape, name: str
) -> str:
    head_size = shape.hidden // shape.heads
    scale = np.float32(1.0 / np.sqrt(head_size))
    prefix = f"{name}.attention.self"
    # Query, key and value in one MatMul; the 1/sqrt(head size) of the scores is folded into the
    # query weights so no separate scaling runs per layer.
    qkv_weight = np.concatenate(
        [
            weights[f"{prefix}.query.weight"] * scale,
            weights[f"{prefix}.key.weight"],
            weights[f"{prefix}.value.weight"],
        ]
    )
    qkv_bias = np.concatenate(
        [
            weights[f"{prefix}.query.bias"] * scale,
            weights[f"{prefix}.key.bias"],
            weights[f"{prefix}.value.bias"],
        ]
    )
    qkv = g.dense(x, f"{prefix}.qkv", qkv_weight, qkv_bias)
    heads_shape = g.const("heads_shape", np.array([0, 0, shape.heads, head_size], np.int64))
    q, k, v = (g.op("Reshape", part, heads_shape) for part in _split3(g, qkv, shape.hidden))
    q = g.op("Transpose", q, perm=[0, 2, 1, 3])  # (B, heads, S, head)
    k = g.op("Transpose", k, perm=[0, 2, 3, 1])  # (B, heads, head, S)
    v = g.op("Transpose", v, perm=[0, 2, 1, 3])
    scores = g.op("Add", g.op("MatMul", q, k), attention_bias)
    context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
    context = g.op(
        "Reshape",
        g.op("Transpose", context, perm=[0, 2, 1, 3]),
        g.const("hidden_shape", np.array([0, 0, shape.hidden], np.int64)),
    )
    attended = g.dense(
        context,
        f"{name}.attention.output.dense",
        weights[f"{name}.attention.output.dense.weight"],
        weights[f"{name}.attention.output.dense.bias"],
    )
    x = g.layer_norm(
        g.op("Add", attended, x),
        f"{name}.attention.output.LayerNorm",
        weights,
        shape.layer_norm_eps,
    )

    inner = g.dense(
        x,
        f"{name}.intermediate.dense",
        weights[f"{name}.intermediate.dense.weight"],
        weights[f"{name}.intermediate.dense.bias"],
    )
    outer = g.dense(
        _gelu(g, inner),
        f"{name}.output.dense",
        weights[f"{name}.output.dense.weight"],
        weights[f"{name}.output.dense.bias"],
    )
    return g.layer_norm(
        g.op("Add", outer, x), f"{name}.output.LayerNorm", weights, shape.layer_norm_eps
    )


def _split3(g: _Graph, x: str, size: int) -> tuple[str, str, str]:
    q, k, v = (f"{x}_{part}" for part in "qkv")
    sizes = g.const(f"split_sizes_{size}", np.array([size, size, size], np.int64))
    g.nodes.append(helper.make_node("Split", [x, sizes], [q, k, v], axis=-1))
    return q, k, v


def _gelu(g: _Graph, x: str) -> str:
    # BERT's exact GELU, 0.5·x·(1 + erf(x/√2)); onnxruntime recognises this and fuses it.
    erf = g.op("Erf", g.op("Div", x, g.const("sqrt2", np.array(np.sqrt(2.0), np.float32))))
    half = g.const("half", np.array(0.5, np.float32))
    return g.op(
        "Mul", g.op("Mul", x, half), g.op("Add", erf, g.const("one_f", np.array(1.0, np.float32)))
    )


def _mean_pool(g: _Graph, x: str, mask: str) -> str:
    # The mean of the real tokens' vectors: padding is multiplied out, and the count is never
    # below 1e-9 (sentence-transformers' clamp), though [CLS] and [SEP] make it at least 2.
    mask_3d = g.op("Unsqueeze", mask, g.const("axis_2", np.array([2], np.int64)))
    axis_1 = g.const("axis_1", np.array([1], np.int64))
    summed = g.op("ReduceSum", g.op("Mul", x, mask_3d), axis_1, keepdims=0)
    counts = g.op("ReduceSum", mask_3d, axis_1, keepdims=0)
    counts = g.op("Max", counts, g.const("count_min", np.array(1e-9, np.float32)))
    return g.op("Div", summed, counts)
