import type { Role } from "../../../shared/api/users";
import { tc } from "../messages";
import { roleWord } from "./roles";

/** The roles the signed-in person may create, as one choice. */
export function RoleChoice({
  roles,
  value,
  error,
  onChange,
}: {
  roles: Role[];
  value: Role;
  error: string | undefined;
  onChange: (role: Role) => void;
}) {
  return (
    <fieldset
      class={error ? "field has-error" : "field"}
      aria-describedby={error ? "new-account-role-error" : undefined}
    >
      <legend>{tc("accountRole")}</legend>
      <div class="segmented">
        {roles.map((role, index) => (
          <label key={role}>
            <input
              type="radio"
              name="new-account-role"
              // The first choice is where focus goes when the role is refused.
              id={index === 0 ? "new-account-role-first" : `new-account-role-${role}`}
              checked={value === role}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(role)}
            />
            <span>{role === "operator" ? tc("roleOperatorLong") : capitalised(roleWord(role))}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id="new-account-role-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase("id") + word.slice(1);
