"""Column types that behave the same on SQLite and PostgreSQL + PostGIS."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator, TypeEngine, UserDefinedType


class WktIn(FunctionElement[str]):
    """WKT text to a geometry on PostGIS; the WKT itself on SQLite."""

    inherit_cache = True
    name = "wkt_in"


class WktOut(FunctionElement[str]):
    """A geometry to WKT text on PostGIS; the stored text on SQLite."""

    inherit_cache = True
    name = "wkt_out"


@compiles(WktIn)
def _wkt_in_default(element: WktIn, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(WktIn, "postgresql")
def _wkt_in_pg(element: WktIn, compiler: Any, **kw: Any) -> str:
    return f"ST_GeomFromText({compiler.process(element.clauses, **kw)}, 4326)"


@compiles(WktOut)
def _wkt_out_default(element: WktOut, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(WktOut, "postgresql")
def _wkt_out_pg(element: WktOut, compiler: Any, **kw: Any) -> str:
    return f"ST_AsText({compiler.process(element.clauses, **kw)})"


class PostGISGeometry(UserDefinedType[str]):
    """The column type `geometry(KIND, 4326)`; values pass through WktIn/WktOut."""

    cache_ok = True

    def __init__(self, geometry_type: str = "GEOMETRY", srid: int = 4326) -> None:
        self.geometry_type = geometry_type
        self.srid = srid

    def get_col_spec(self, **kw: Any) -> str:
        return f"geometry({self.geometry_type}, {self.srid})"


class Geometry(TypeDecorator[str]):
    """WKT in Python; `geometry(kind, 4326)` on PostGIS, plain text on SQLite.

    SQLite here cannot load SpatiaLite, so spatial queries on SQLite go through bbox
    columns and an R*Tree index kept beside the WKT.
    """

    impl = Text
    cache_ok = True

    def __init__(self, geometry_type: str = "GEOMETRY") -> None:
        super().__init__()
        self.geometry_type = geometry_type

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(PostGISGeometry(self.geometry_type))
        return dialect.type_descriptor(Text())

    def bind_expression(self, bindvalue: Any) -> Any:
        return WktIn(bindvalue)

    def column_expression(self, column: Any) -> Any:
        return WktOut(column)
