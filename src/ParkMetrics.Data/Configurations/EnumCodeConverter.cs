using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParkMetrics.Data.Entities;

namespace ParkMetrics.Data.Configurations;

internal sealed class EnumCodeConverter<T>() : ValueConverter<T, string>(v => EnumCode.Of(v), s => EnumCode.Parse<T>(s))
    where T : struct, Enum;
