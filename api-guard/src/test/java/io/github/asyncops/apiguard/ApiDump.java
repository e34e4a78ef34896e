package io.github.asyncops.apiguard;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a set of classes as text: one line per accessible type, then one indented line
 * per public or protected field, constructor and method that it declares (or inherits from a
 * superclass that is not itself API), with modifiers, generic types and {@code throws}. Types are
 * sorted by name and members by kind and text, so the same classes give the same text on every JDK;
 * types are rendered here rather than by {@code Type.getTypeName()}, whose format is not specified.
 *
 * <p>Left out, as they are not part of what a caller compiles against: synthetic and bridge
 * members, {@code synchronized}, {@code native} and {@code strictfp}, annotations, parameter names
 * and constant values. Inner (non-static) classes' constructors are rendered as reflection reports
 * them.
 */
final class ApiDump {
  private static final int TYPE_MODIFIERS =
      Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;
  private static final int EXECUTABLE_MODIFIERS = TYPE_MODIFIERS;
  // Not for methods: there these bits mean varargs and bridge.
  private static final int FIELD_MODIFIERS =
      TYPE_MODIFIERS | Modifier.TRANSIENT | Modifier.VOLATILE;

  private ApiDump() {}

  /**
   * The API lines of {@code types}: those that are not accessible from another package (see {@link
   * #isApi}) are skipped.
   */
  static List<String> of(List<Class<?>> types) {
    List<String> lines = new ArrayList<>();
    types.stream()
        .filter(ApiDump::isApi)
        .sorted(Comparator.comparing(Class::getName))
        .forEach(
            type -> {
              lines.add(header(type));
              members(type).forEach(member -> lines.add("  " + member));
            });
    return lines;
  }

  /**
   * Whether code in another package can name {@code type}: it is public or protected, and so is
   * every class that encloses it; local, anonymous and synthetic classes never are.
   */
  static boolean isApi(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    if (!isVisible(type.getModifiers())) {
      return false;
    }
    Class<?> outer = type.getEnclosingClass();
    return outer == null || isApi(outer);
  }

  /** The type's line: modifiers, kind, name with type parameters, supertypes, permitted types. */
  static String header(Class<?> type) {
    StringBuilder line = new StringBuilder();
    int modifiers = type.getModifiers() & TYPE_MODIFIERS;
    if (type.isInterface()) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    appendModifiers(line, modifiers);
    if (type.isSealed()) {
      line.append("sealed ");
    }
    line.append(kind(type)).append(' ').append(type.getName()).append(typeParameters(type));

    List<Type> extended = new ArrayList<>();
    List<Type> implemented = new ArrayList<>();
    if (type.isInterface()) {
      extended.addAll(Arrays.asList(type.getGenericInterfaces()));
    } else {
      Type superclass = type.getGenericSuperclass();
      if (superclass != null
          && superclass != Object.class
          && superclass != Record.class
          && !type.isEnum()) {
        extended.add(superclass);
      }
      implemented.addAll(Arrays.asList(type.getGenericInterfaces()));
    }
    if (type.isAnnotation()) {
      extended.clear();
    }
    appendTypes(line, " extends ", extended);
    appendTypes(line, " implements ", implemented);
    if (type.isSealed()) {
      appendTypes(
          line,
          " permits ",
          Arrays.stream(type.getPermittedSubclasses())
              .sorted(Comparator.comparing(Class::getName))
              .collect(Collectors.toList()));
    }
    return line.toString();
  }

  /**
   * The member lines of {@code type}: what it declares, and what it inherits from superclasses that
   * are not API themselves (their public members are callable on {@code type}).
   */
  static List<String> members(Class<?> type) {
    List<Member> members = new ArrayList<>(declared(type, true));
    for (Class<?> up = type.getSuperclass();
        up != null && up != Object.class && !isApi(up);
        up = up.getSuperclass()) {
      members.addAll(declared(up, false));
    }
    return members.stream()
        .map(member -> render(type, member))
        .distinct()
        .sorted(
            Comparator.comparingInt((String line) -> rank(line))
                .thenComparing(ApiDump::memberName)
                .thenComparing(Comparator.naturalOrder()))
        .collect(Collectors.toList());
  }

  private static List<Member> declared(Class<?> type, boolean withConstructors) {
    Stream<Member> constructors =
        withConstructors ? Arrays.stream(type.getDeclaredConstructors()) : Stream.empty();
    return Stream.of(
            Arrays.stream(type.getDeclaredFields()),
            constructors,
            Arrays.stream(type.getDeclaredMethods()))
        .flatMap(members -> members)
        .filter(member -> isVisible(member.getModifiers()) && !member.isSynthetic())
        .filter(member -> !(member instanceof Method method && method.isBridge()))
        .collect(Collectors.toList());
  }

  /** Fields, then constructors, then methods (each line starts with its kind), each by name. */
  private static int rank(String line) {
    return line.startsWith("field ") ? 0 : line.startsWith("constructor ") ? 1 : 2;
  }

  /** The member's name in its line: the word before the parameters, or a field's last word. */
  private static String memberName(String line) {
    int parameters = line.indexOf('(');
    String head = parameters < 0 ? line : line.substring(0, parameters);
    return head.substring(head.lastIndexOf(' ') + 1);
  }

  private static String render(Class<?> owner, Member member) {
    StringBuilder line = new StringBuilder();
    if (member instanceof Field field) {
      line.append("field ");
      appendModifiers(line, field.getModifiers() & FIELD_MODIFIERS);
      line.append(name(field.getGenericType())).append(' ').append(field.getName());
      return line.toString();
    }
    Executable executable = (Executable) member;
    line.append(member instanceof Constructor ? "constructor " : "method ");
    appendModifiers(line, executable.getModifiers() & EXECUTABLE_MODIFIERS);
    if (executable instanceof Method method && method.isDefault()) {
      line.append("default ");
    }
    String typeParameters = typeParameters(executable);
    if (!typeParameters.isEmpty()) {
      line.append(typeParameters).append(' ');
    }
    if (executable instanceof Method method) {
      line.append(name(method.getGenericReturnType())).append(' ').append(method.getName());
    } else {
      line.append(owner.getSimpleName());
    }
    Type[] parameters = executable.getGenericParameterTypes();
    line.append('(');
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        line.append(", ");
      }
      String parameter = name(parameters[i]);
      if (executable.isVarArgs() && i == parameters.length - 1 && parameter.endsWith("[]")) {
        parameter = parameter.substring(0, parameter.length() - 2) + "...";
      }
      line.append(parameter);
    }
    line.append(')');
    appendTypes(line, " throws ", Arrays.asList(executable.getGenericExceptionTypes()));
    return line.toString();
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    } else if (type.isInterface()) {
      return "interface";
    } else if (type.isEnum()) {
      return "enum";
    } else if (type.isRecord()) {
      return "record";
    }
    return "class";
  }

  private static void appendModifiers(StringBuilder line, int modifiers) {
    String text = Modifier.toString(modifiers);
    if (!text.isEmpty()) {
      line.append(text).append(' ');
    }
  }

  private static void appendTypes(StringBuilder line, String keyword, List<? extends Type> types) {
    if (!types.isEmpty()) {
      line.append(keyword)
          .append(types.stream().map(ApiDump::name).collect(Collectors.joining(", ")));
    }
  }

  private static String typeParameters(GenericDeclaration declaration) {
    TypeVariable<?>[] variables = declaration.getTypeParameters();
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            variable -> {
              List<Type> bounds =
                  Arrays.stream(variable.getBounds())
                      .filter(bound -> bound != Object.class)
                      .collect(Collectors.toList());
              return bounds.isEmpty()
                  ? variable.getName()
                  : variable.getName()
                      + " extends "
                      + bounds.stream().map(ApiDump::name).collect(Collectors.joining(" & "));
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /**
   * A type as source would write it, with binary names ({@code Outer$Inner}) for nested classes.
   */
  static String name(Type type) {
    if (type instanceof Class<?> plain) {
      return plain.isArray() ? name(plain.getComponentType()) + "[]" : plain.getName();
    } else if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      String rawName =
          parameterized.getOwnerType() instanceof ParameterizedType owner
              ? name(owner) + "$" + raw.getSimpleName()
              : raw.getName();
      return Arrays.stream(parameterized.getActualTypeArguments())
          .map(ApiDump::name)
          .collect(Collectors.joining(", ", rawName + "<", ">"));
    } else if (type instanceof WildcardType wildcard) {
      Type[] lower = wildcard.getLowerBounds();
      Type[] upper = wildcard.getUpperBounds();
      if (lower.length > 0) {
        return "? super " + name(lower[0]);
      }
      return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + name(upper[0]);
    } else if (type instanceof GenericArrayType array) {
      return name(array.getGenericComponentType()) + "[]";
    } else if (type instanceof TypeVariable<?> variable) {
      return variable.getName();
    }
    throw new IllegalArgumentException("Unknown kind of type: " + type);
  }
}
