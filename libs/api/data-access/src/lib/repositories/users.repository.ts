import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { UserEntity } from '../entities';

const UNIQUE_VIOLATION = '23505';

/** True for PostgreSQL's refusal of a duplicate in a unique index (e.g. a taken email). */
export function isUniqueViolation(e: unknown): boolean {
  return (
    e instanceof QueryFailedError &&
    (e.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  /** Returns null when the email is taken (the unique index decides, so two racing sign-ups cannot both win). */
  async create(input: {
    email: string;
    name: string;
    passwordHash: string;
    isPlatformAdmin?: boolean;
  }): Promise<UserEntity | null> {
    try {
      return await this.users.save(
        this.users.create({
          ...input,
          email: input.email.toLowerCase(),
          isPlatformAdmin: input.isPlatformAdmin ?? false,
        }),
      );
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
  }

  /** Sets the name; false when no such user. */
  async updateName(id: string, name: string): Promise<boolean> {
    const { affected } = await this.users.update({ id }, { name });
    return (affected ?? 0) > 0;
  }

  /** Deletes the account; every row the user owns goes with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.users.delete({ id });
  }
}
