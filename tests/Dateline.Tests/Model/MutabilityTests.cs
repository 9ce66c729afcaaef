using System.Collections.Immutable;
using System.Reflection;
using Dateline.Model;

namespace Dateline.Tests.Model;

/// <summary>The model is immutable: a document can be shared across threads and stages safely.</summary>
public sealed class MutabilityTests
{
    public static TheoryData<string> ModelTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Document).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace == "Dateline.Model" && !t.IsEnum && !t.IsInterface)
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Public_model_types_have_no_setters_and_no_writable_fields(string typeName)
    {
        var type = typeof(Document).Assembly.GetType(typeName)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is null || !setter.IsPublic)
            {
                continue;
            }

            var initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
            Assert.True(initOnly, $"{type.Name}.{property.Name} has a public setter");
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is a writable public field");
        }
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Public_model_collections_are_immutable(string typeName)
    {
        var type = typeof(Document).Assembly.GetType(typeName)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = property.PropertyType;
            if (t == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            {
                continue;
            }

            Assert.True(
                t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>),
                $"{type.Name}.{property.Name} is a {t.Name}, not an ImmutableArray");
        }
    }

    [Fact]
    public void A_stage_copy_shares_the_text_and_keeps_the_id()
    {
        var d = new Document("Some text.", SourceInfo.Stdin);
        var copy = d with { Title = "T" };
        Assert.Same(d.Text, copy.Text);
        Assert.Equal(d.Id, copy.Id);
        Assert.Null(d.Title);
    }
}
