"""The Model Law as data: provisions, elements and cues, loaded from schema-validated XML."""

from modellaw.model import (
    Cue,
    Element,
    Model,
    ModelError,
    Provision,
    Source,
    builtin_models,
    load_model,
    resolve_model,
    validate_model_file,
)

__version__ = "0.3.0"

__all__ = [
    "Cue",
    "Element",
    "Model",
    "ModelError",
    "Provision",
    "Source",
    "builtin_models",
    "load_model",
    "resolve_model",
    "validate_model_file",
    "__version__",
]
