export { type AuthRepository, createAuthRepository } from './auth.repository';
export { authRoutes } from './auth.routes';
export { type AuthService, createAuthService, hashPassword } from './auth.service';
