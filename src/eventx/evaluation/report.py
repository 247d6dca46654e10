"""Human-readable renderings of a :class:`Report`: a compact table and a per-document miss list."""

from __future__ import annotations

from eventx.evaluation.gold import CATEGORIES
from eventx.evaluation.scoring import ALL, Accuracy, Report


def _prf(report: Report, category: str, language: str) -> str:
    c = report.counts(category, language)
    return f"{c.precision:4.2f} {c.recall:4.2f} {c.f1:4.2f}"


def _acc(acc: Accuracy) -> str:
    return f"{acc.value:4.2f} ({acc.correct}/{acc.total})"


def format_table(report: Report) -> str:
    """Categories x {P, R, F1} per language, then accuracies; about a dozen lines."""
    languages = [ALL, *report.languages]
    per_language = ", ".join(
        f"{lang} {len([d for d in report.documents if d.language == lang])}"
        for lang in report.languages
    )
    lines = [f"eventx evaluate: {len(report.documents)} documents ({per_language})"]
    lines.append(f"{'':12}" + "".join(f"  {lang:<14}" for lang in languages) + "  all counts")
    lines.append(f"{'category':12}" + "  P    R    F1  " * len(languages) + "  tp  fp  fn")
    for category in CATEGORIES:
        total = report.counts(category)
        cells = "".join(f"  {_prf(report, category, lang)}" for lang in languages)
        lines.append(f"{category:12}{cells}  {total.tp:3d} {total.fp:3d} {total.fn:3d}")
    for label, method in (
        ("event type", report.event_type_accuracy),
        ("country", report.country_accuracy),
    ):
        cells = "  ".join(f"{lang} {_acc(method(lang))}" for lang in languages)
        lines.append(f"{label + ' acc':<14}  {cells}")
    return "\n".join(lines)


def format_misses(report: Report) -> str:
    """Per document: what was missed (required gold items) and what was wrongly found."""
    lines: list[str] = []
    for doc in report.documents:
        et = "ok" if doc.event_type_ok else "WRONG"
        cc = "ok" if doc.country_ok else "WRONG"
        lines.append(
            f"== {doc.id} ({doc.language}, {doc.status}) event type {doc.event_type_pred} "
            f"[gold {doc.event_type_gold}: {et}]; country {doc.country_pred} "
            f"[gold {doc.country_gold}: {cc}]"
        )
        for category in CATEGORIES:
            result = doc.categories[category]
            for item in result.missed:
                lines.append(f"  {category:11} missed  {item}")
            for item in result.wrong:
                lines.append(f"  {category:11} wrong   {item}")
    return "\n".join(lines)


def format_markdown(report: Report) -> str:
    """A markdown table (category x language: P / R / F1, then tp/fp/fn) for docs."""
    languages = [ALL, *report.languages]
    header = (
        "| category | "
        + " | ".join(f"{lang} P / R / F1" for lang in languages)
        + " | tp / fp / fn |"
    )
    lines = [header, "|---" * (len(languages) + 2) + "|"]
    for category in CATEGORIES:
        cells = " | ".join(_prf(report, category, lang).replace(" ", " / ") for lang in languages)
        total = report.counts(category)
        lines.append(f"| {category} | {cells} | {total.tp} / {total.fp} / {total.fn} |")
    for label, method in (
        ("event type accuracy", report.event_type_accuracy),
        ("country accuracy", report.country_accuracy),
    ):
        cells = " | ".join(_acc(method(lang)) for lang in languages)
        lines.append(f"| {label} | {cells} | |")
    return "\n".join(lines)
