"""Train the entity recognizer's model (``data/entity_model.crfsuite``) from KLUE-NER sentences.

    python -m sinmun.entities.train [--data ../shared/data/klue_news_dev.tsv] [--out src/sinmun/data/entity_model.crfsuite]
    python -m sinmun.entities.train --cross-validate 5 --scorer ../shared/tools/ner_score.py [--errors errors.md]

Training data: KLUE-NER v1.1 sentences in KLUE's tsv format (``## <id>\\t<sentence>`` then one ``<char>\\t<BIO tag>``
line per character), PS/OG/LC tags only. The news half of the KLUE dev set the project may study is
``../shared/data/klue_news_dev.tsv`` (CC BY-SA 4.0): the shipped model is derived from it and carries that licence
(``data/entity_model.md``). The same data, the same Kiwi and the same code give the same model file byte for byte
(sentences in file order, L-BFGS from zero weights); ``data/entity_model.json`` records the checksums of the data
and of the model.

``--cross-validate K`` estimates held-out figures honestly: K models, each trained on all folds but one (sentence
``i`` is in fold ``i mod K``), each scored on the fold it never saw, through the whole extraction (rules, model,
merge), with the scoring functions of the tool named by ``--scorer``; counts are summed over the folds. ``--errors``
writes that tool's error samples (misses, spurious spans, boundaries) of those held-out predictions.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sinmun.entities import recognizer
from sinmun.morphology import Token

DEFAULT_DATA = Path("../shared/data/klue_news_dev.tsv")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / recognizer.MODEL_FILE
TRAINING_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # gold (start, end, PS/OG/LC)


def read_klue(path: Path) -> list[Sentence]:
    """KLUE-NER tsv sentences with their PS/OG/LC spans (other tags are not the recognizer's business)."""
    sentences: list[Sentence] = []
    current: tuple[str, list[str], list[str]] | None = None

    def close() -> None:
        if current is not None:
            sentence_id, chars, tags = current
            sentences.append(Sentence(sentence_id, "".join(chars), tuple(_bio_spans(tags))))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## klue-ner"):
                close()
                current = (line[3:].split("\t", 1)[0], [], [])
            elif current is not None and "\t" in line and not line.startswith("##"):
                char, tag = line.rsplit("\t", 1)
                current[1].append(char)
                current[2].append(tag)
    close()
    return sentences


def _bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    spans: list[list] = []
    for i, tag in enumerate(tags):
        kind = tag[2:]
        if kind not in recognizer.TYPES:
            continue
        if tag.startswith("I-") and spans and spans[-1][1] == i and spans[-1][2] == kind:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1, kind])
    return [tuple(s) for s in spans]


def token_labels(tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO label of each morpheme: inside a gold span if its first character is (B- for the span's first)."""
    labels = []
    previous_span = None
    for start, end, _tag, _form in tokens:
        span = next((s for s in spans if s[0] <= start < s[1] or (start < s[0] < end and s[0] == start)), None)
        if span is None:
            span = next((s for s in spans if start < s[0] < end), None)  # a span starting inside a morpheme
        if span is None:
            labels.append("O")
        else:
            labels.append(("I-" if span == previous_span else "B-") + span[2])
        previous_span = span
    return labels


def featurize(sentences: Sequence[Sentence]) -> list[tuple[list[Token], list[list[str]]]]:
    """Kiwi's tokens and the recognizer's features of each sentence (one batched Kiwi call)."""
    from sinmun.entities.extract import COMMON_TAGS, rule_entities, rule_spans
    from sinmun.morphology import tokenize

    out = []
    for sentence, tokens in zip(sentences, tokenize([s.text for s in sentences]), strict=True):
        common = {(s, e) for s, e, tag, _ in tokens if tag in COMMON_TAGS}
        found = rule_entities({"body": sentence.text}, is_common_word=lambda s, e, c=common: (s, e) in c)
        out.append((tokens, recognizer.token_features(tokens, sentence.text, rule_spans(found))))
    return out


def train(sentences: Sequence[Sentence], out: Path, featurized=None, params: dict | None = None) -> None:
    import pycrfsuite

    featurized = featurized or featurize(sentences)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params or TRAINING_PARAMS)
    for sentence, (tokens, features) in zip(sentences, featurized, strict=True):
        trainer.append(features, token_labels(tokens, sentence.spans))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(data: Path, model: Path, sentences: int) -> Path:
    manifest = model.with_suffix(".json")
    record = {
        "model": model.name,
        "model_sha256": sha256(model),
        "training_data": data.name,
        "training_data_sha256": sha256(data),
        "training_sentences": sentences,
        "params": TRAINING_PARAMS,
    }
    manifest.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def cross_validate(
    sentences: list[Sentence], folds: int, scorer_path: Path, params: dict | None = None, errors: Path | None = None
) -> dict:
    """Figures on each fold from a model that never saw it, summed over the folds (and, with ``errors``, the
    scorer's error samples of those held-out predictions written there)."""
    import importlib.util

    from sinmun.entities.extract import extract_batch

    spec = importlib.util.spec_from_file_location("ner_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    featurized = featurize(sentences)
    scored: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            train_idx = [i for i in range(len(sentences)) if i % folds != k]
            test_idx = [i for i in range(len(sentences)) if i % folds == k]
            model = Path(tmp) / f"fold{k}.crfsuite"
            train([sentences[i] for i in train_idx], model, [featurized[i] for i in train_idx], params)
            os.environ["SINMUN_ENTITY_MODEL"] = str(model)
            recognizer.forget_model()
            articles = [{"kind": "news", "body": sentences[i].text} for i in test_idx]
            extract_batch(articles, [None] * len(articles))
            cuts: collections.Counter = collections.Counter()
            for i, article in zip(test_idx, articles, strict=True):
                scored.append({"id": sentences[i].id, "text": sentences[i].text, "gold": list(sentences[i].spans),
                               "pred": scorer.sinmun_predictions(article, cuts)})  # fmt: skip
    os.environ.pop("SINMUN_ENTITY_MODEL", None)
    recognizer.forget_model()
    types = scorer.NAME_TYPES
    if errors is not None:
        header = f"# {folds}-fold cross-validation errors (predictions on folds the model never saw)"
        scorer.write_errors(errors, scorer.errors(scored, types), 40, 20240601, header)
    return {
        "lenient": scorer.score(scored, types, lenient=True),
        "strict": scorer.score(scored, types, lenient=False),
        "untyped": scorer.score(scored, types, True, untyped=True)["ANY"],
    }


def print_figures(figures: dict) -> None:
    for kind in ("PS", "OG", "LC", "micro"):
        st, le = figures["strict"][kind], figures["lenient"][kind]
        print(
            f"{kind:6} strict P {100 * st['precision']:5.1f} R {100 * st['recall']:5.1f} F1 {100 * st['f1']:5.1f}   "
            f"lenient P {100 * le['precision']:5.1f} R {100 * le['recall']:5.1f} F1 {100 * le['f1']:5.1f}"
        )
    un = figures["untyped"]
    print(f"untyped lenient P {100 * un['precision']:.1f} R {100 * un['recall']:.1f} F1 {100 * un['f1']:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"KLUE-NER tsv (default {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the model file to write")
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K", help="K-fold figures instead")
    parser.add_argument("--errors", type=Path, help="with --cross-validate: write the held-out error samples here")
    parser.add_argument("--scorer", type=Path, default=Path("../shared/tools/ner_score.py"))
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="override a training parameter (c1, c2)"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"sinmun.entities.train: no training data at {args.data}", file=sys.stderr)
        return 1
    sentences = read_klue(args.data)
    if args.cross_validate:
        print(f"{args.cross_validate}-fold cross-validation on {len(sentences)} sentences of {args.data.name}")
        params = TRAINING_PARAMS | {k: float(v) for k, v in (p.split("=", 1) for p in args.param)}
        print(f"parameters {params}")
        print_figures(cross_validate(sentences, args.cross_validate, args.scorer, params, args.errors))
        return 0
    train(sentences, args.out)
    manifest = write_manifest(args.data, args.out, len(sentences))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) and {manifest} from {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
